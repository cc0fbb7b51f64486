// dunning: the policy dry-run and campaign import tool. Everything it does is reachable from CliApp.RunAsync, so tests
// drive the same entry with their own writers (and a fake service) instead of spawning a process.
using Dunning.Cli;

using var stop = new CancellationTokenSource();

// The first Ctrl-C stops following an import and says where the campaign goes on; a second one ends the process.
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await CliApp.RunAsync(args, Console.Out, Console.Error, ImportEnvironment.Process, stop.Token);
