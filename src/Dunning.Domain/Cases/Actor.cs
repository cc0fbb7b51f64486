namespace Dunning.Domain;

/// <summary>Who caused a change: a named person or key, or the system itself (timers, payments, providers).</summary>
public sealed record Actor(string Name, ActorKind Kind)
{
    public static Actor System { get; } = new("system", ActorKind.System);
}

/// <summary>The kind of party behind an <see cref="Actor"/>.</summary>
public enum ActorKind
{
    System,
    Operator,
    Supervisor,
    Collector,
    Debtor,
    Provider,
}
