using System.Globalization;
using System.Text.Json.Serialization;

namespace Dunning.Channels.Acs;

/// <summary>The JSON of <c>POST /sms?api-version=2021-03-07</c>.</summary>
internal static class SmsWire
{
    public sealed record Body(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("smsRecipients")] IReadOnlyList<Recipient> SmsRecipients,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("smsSendOptions")] Options SmsSendOptions);

    public sealed record Recipient(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("repeatabilityRequestId")] string RepeatabilityRequestId,
        [property: JsonPropertyName("repeatabilityFirstSent")] string RepeatabilityFirstSent);

    public sealed record Options(
        [property: JsonPropertyName("enableDeliveryReport")] bool EnableDeliveryReport,
        [property: JsonPropertyName("tag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag);

    public static Body From(SmsSendRequest request) => new(
        request.From,
        request.Recipients.Select(r => new Recipient(r.To, r.RepeatabilityRequestId.ToString("D"),
            r.RepeatabilityFirstSent.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture))).ToList(),
        request.Message,
        new Options(request.EnableDeliveryReport, request.Tag));
}
