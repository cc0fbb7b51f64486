using Dunning.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Channels;

/// <summary>Real time, for what another party checks against its own clock (the ACS request date the HMAC signs, an
/// SMS's first-sent instant, the legal webhook's timestamp) and for how long a poll or back-off waits. It is taken from
/// the registered <see cref="TimeProvider"/>: under a virtual clock (fast, or started at another date), the real clock
/// beneath it; messages and case history keep the registered clock's (business) time.</summary>
public static class WallClock
{
    public static TimeProvider Of(TimeProvider registered) => registered is VirtualClock virtualClock ? virtualClock.Real : registered;

    public static TimeProvider From(IServiceProvider services) => Of(services.GetRequiredService<TimeProvider>());
}
