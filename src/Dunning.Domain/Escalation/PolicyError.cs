namespace Dunning.Domain;

/// <summary>One mistake in a policy document. <paramref name="Path"/> names the place an author must fix, e.g.
/// <c>steps[3] (field-visit).offsetDays</c>, <c>contact.window.start</c> or <c>tracks.UnwillingAble.jumpTo</c>;
/// <c>$</c> is the document itself.</summary>
public sealed record PolicyError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
