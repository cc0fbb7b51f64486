using System.Diagnostics;

namespace Dunning.Workflow.Tests;

/// <summary>The one way these tests wait: poll for an observable end state until a deadline measured by a stopwatch
/// (never a clock that a test may run fast), then fail saying what was awaited.</summary>
public static class Wait
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<T> ForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what,
        Func<T, Task<string>>? describe = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > within)
            {
                Assert.Fail($"Waited {within.TotalSeconds:0} s for {what}; last seen: {(describe is null ? value : await describe(value))}");
            }

            await Task.Delay(Poll);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what) =>
        ForAsync(condition, done => done, within, what);
}
