using System.Text.Json.Serialization;

namespace Dunning.Channels.Acs;

/// <summary>The JSON of <c>POST /emails:send?api-version=2023-03-31</c>.</summary>
internal static class EmailWire
{
    public sealed record Body(
        [property: JsonPropertyName("senderAddress")] string SenderAddress,
        [property: JsonPropertyName("recipients")] Recipients Recipients,
        [property: JsonPropertyName("content")] Content Content,
        [property: JsonPropertyName("attachments"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Attachment>? Attachments,
        [property: JsonPropertyName("userEngagementTrackingDisabled")] bool UserEngagementTrackingDisabled);

    public sealed record Recipients([property: JsonPropertyName("to")] IReadOnlyList<Address> To);

    public sealed record Address(
        [property: JsonPropertyName("address")] string Email,
        [property: JsonPropertyName("displayName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DisplayName);

    public sealed record Content(
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("plainText"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PlainText,
        [property: JsonPropertyName("html"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Html);

    public sealed record Attachment(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("contentType")] string ContentType,
        [property: JsonPropertyName("contentInBase64")] string ContentInBase64);

    public static Body From(EmailSendRequest request) => new(
        request.SenderAddress,
        new Recipients(request.To.Select(a => new Address(a.Address, string.IsNullOrEmpty(a.DisplayName) ? null : a.DisplayName)).ToList()),
        new Content(request.Subject, Empty(request.PlainText), Empty(request.Html)),
        request.Attachments.Count == 0 ? null : request.Attachments.Select(a => new Attachment(a.Name, a.ContentType, Convert.ToBase64String(a.Content))).ToList(),
        request.DisableUserEngagementTracking);

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
