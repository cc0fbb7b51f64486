using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dunning.Bench;

/// <summary>Counts the runtime's warnings and errors (a run should have few) and keeps the first ones to show.</summary>
public sealed class WarningTally : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _first = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyList<string> First => _first.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string text)
    {
        if (Interlocked.Increment(ref _count) <= 5)
        {
            _first.Enqueue($"{level}: {text}");
        }
    }

    private sealed class Logger(WarningTally tally) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var text = formatter(state, exception);
                tally.Add(logLevel, exception is null ? text : $"{text} ({exception.GetType().Name}: {exception.Message.Split('\n')[0]})");
            }
        }
    }
}
