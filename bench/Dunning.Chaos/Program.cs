using Dunning.Chaos;

// The chaos run starts itself again with "worker" for each of its worker processes.
if (args is ["worker", .. var workerArgs])
{
    return await WorkerMode.RunAsync(workerArgs);
}

if (!ChaosOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(ChaosOptions.Usage);
    return 2;
}

return await ChaosRun.RunAsync(options);
