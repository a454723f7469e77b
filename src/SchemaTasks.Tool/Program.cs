using SchemaTasks.Tool;

CollectorHugePages.Advise();
CollectorStart.Defer();
return await CommandLine.RunAsync(args, Console.Out, Console.Error, handleTermination: true);
