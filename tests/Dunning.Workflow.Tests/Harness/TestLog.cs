using Dunning.Chaos;
using Microsoft.Extensions.Logging;

namespace Dunning.Workflow.Tests;

/// <summary>A test host's log, written to the file DUNNING_TEST_LOG names (xunit shows no console output) for reading
/// after a failure; off unless that variable is set.</summary>
public static class TestLog
{
    public static void AddTo(ILoggingBuilder logging)
    {
        if (Environment.GetEnvironmentVariable("DUNNING_TEST_LOG") is { Length: > 0 } path)
        {
            logging.AddProvider(new FileLogProvider(path));
            logging.SetMinimumLevel(LogLevel.Debug);
        }
    }
}
