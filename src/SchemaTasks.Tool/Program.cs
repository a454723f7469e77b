using SchemaTasks.Tool;

return await CommandLine.RunAsync(args, Console.Out, Console.Error, handleTermination: true);
