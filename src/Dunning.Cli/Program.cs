// dunning: the policy dry-run tool. Everything it does is reachable from CliApp.Run, so tests drive the same
// entry with their own writers instead of spawning a process.
return Dunning.Cli.CliApp.Run(args, Console.Out, Console.Error);
