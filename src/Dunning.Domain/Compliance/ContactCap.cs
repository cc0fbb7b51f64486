namespace Dunning.Domain;

/// <summary>At most <paramref name="MaxAttempts"/> attempts in any rolling <paramref name="Per"/>, and none within
/// <paramref name="QuietAfterConversation"/> after a conversation (the 7-in-7 rule of Regulation F for calls).</summary>
public sealed record ContactCap(int MaxAttempts, TimeSpan Per, TimeSpan QuietAfterConversation);
