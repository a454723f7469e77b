using SchemaTasks.Tool;

CollectorStart.Defer();
return await CommandLine.RunAsync(args, Console.Out, Console.Error, handleTermination: true);
