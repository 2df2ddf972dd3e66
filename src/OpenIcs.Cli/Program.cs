using OpenIcs.Cli;

return await OpenIcsCli.RunAsync(args, Console.Out, Console.Error);
