using Microsoft.Extensions.Logging;

namespace Dunning.Workflow.Tests;

/// <summary>Writes a test host's log to the file named by DUNNING_TEST_LOG (xunit shows no console output), for reading
/// after a failure; off unless that variable is set.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public static void AddTo(ILoggingBuilder logging)
    {
        if (Environment.GetEnvironmentVariable("DUNNING_TEST_LOG") is { Length: > 0 } path)
        {
            logging.AddProvider(new FileLoggerProvider(path));
            logging.SetMinimumLevel(LogLevel.Debug);
        }
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
