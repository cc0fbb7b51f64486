namespace Dunning.Channels.DeliveryReports;

/// <summary>What the webhook answers Event Grid: 200 with the validation code for the handshake, 200 with the number of
/// commands queued for events, 400 for a body that is not Event Grid JSON (Event Grid retries anything else non-2xx).</summary>
public sealed record EventGridReply(int StatusCode, string? ValidationResponse = null, int Commands = 0, string? Problem = null)
{
    public static EventGridReply Validation(string code) => new(200, ValidationResponse: code);

    public static EventGridReply Handled(int commands) => new(200, Commands: commands);

    public static EventGridReply Invalid(string problem) => new(400, Problem: problem);
}
