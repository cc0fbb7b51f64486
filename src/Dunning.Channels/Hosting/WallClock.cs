using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Channels;

/// <summary>Real time, for what another party checks against its own clock (the ACS request date the HMAC signs, an
/// SMS's first-sent instant, the legal webhook's timestamp) and for how long a poll or back-off waits. A host whose
/// registered <see cref="TimeProvider"/> is a business clock (fast, or started at another date) registers the real
/// clock beneath it under <see cref="Key"/>; otherwise the registered clock is real time already. Messages and case
/// history keep the registered clock's (business) time.</summary>
public static class WallClock
{
    public const string Key = "wall";

    public static TimeProvider From(IServiceProvider services) =>
        services.GetKeyedService<TimeProvider>(Key) ?? services.GetRequiredService<TimeProvider>();
}
