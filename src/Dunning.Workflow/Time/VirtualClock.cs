namespace Dunning.Workflow;

/// <summary>A <see cref="TimeProvider"/> that runs <see cref="Speed"/> times faster than real time, so a month-long
/// ladder can be watched in minutes. At speed 1 with no start it is the real clock. Processes given the same
/// <see cref="ClockOptions.Epoch"/> and <see cref="ClockOptions.Start"/> share one timeline.</summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _virtualStart;
    private readonly long _startTimestamp;
    private readonly bool _isReal;

    public VirtualClock(ClockOptions options, TimeProvider? real = null)
    {
        if (!(options.Speed > 0) || double.IsInfinity(options.Speed))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Speed, "Dunning:Clock:Speed must be a positive number.");
        }

        _real = real ?? System;
        Speed = options.Speed;
        _isReal = options.Speed == 1 && options.Start is null;
        var now = _real.GetUtcNow();
        _startTimestamp = _real.GetTimestamp();
        var realEpoch = options.Epoch ?? now;
        _virtualStart = options.Start ?? now;
        Timeline = _isReal ? BusinessClock.RealTime : new BusinessClock(realEpoch.UtcDateTime, _virtualStart, Speed);
        // A shared epoch in the past means this process joins a clock that has been running.
        _startTimestamp -= (long)((now - realEpoch).Ticks * (_real.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
    }

    public double Speed { get; }

    /// <summary>The same mapping as a value, for case workflows to carry in their input.</summary>
    public BusinessClock Timeline { get; }

    /// <summary>The wall clock underneath, for what paces real work (sweeps, polling), not what the business sees.</summary>
    public TimeProvider Real => _real;

    public override DateTimeOffset GetUtcNow()
    {
        if (_isReal)
        {
            return _real.GetUtcNow();
        }

        var elapsed = _real.GetElapsedTime(_startTimestamp);
        return _virtualStart + TimeSpan.FromTicks((long)(elapsed.Ticks * Speed));
    }

    public override long GetTimestamp() => _real.GetTimestamp();

    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <summary>The real time to wait for <paramref name="virtualDelay"/> of virtual time to pass.</summary>
    public TimeSpan ToRealDelay(TimeSpan virtualDelay) =>
        virtualDelay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(virtualDelay.Ticks / Speed));

    public override string ToString() => _isReal ? "real time" : $"virtual time x{Speed} from {_virtualStart:O}";
}
