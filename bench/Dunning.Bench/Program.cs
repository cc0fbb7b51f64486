using Dunning.Bench;

// "service" is the stand-in service the scale phase starts as a child process when no built Dunning.Api is at hand:
// the runtime's queue processors and nothing else.
if (args is ["service", .. var serviceArgs])
{
    return await ServiceMode.RunAsync(serviceArgs);
}

if (BenchOptions.TryParse(args, out var options, out var error))
{
    return await BenchRun.RunAsync(options, args);
}

Console.Error.WriteLine(error);
Console.Error.WriteLine(BenchOptions.Usage);
return 2;
