using System.Globalization;
using System.Text.Json.Nodes;

namespace Dunning.Channels.Tests.Acs;

public sealed partial class FakeAcsServer
{
    /// <summary>Answers per recipient, as the service does: a known repeatability pair returns the first answer and
    /// sends nothing; the same id with another first-sent is rejected; a new pair sends.</summary>
    private Answer Sms(byte[] body)
    {
        var json = Parse(body);
        var from = json.GetProperty("from").GetString()!;
        var message = json.GetProperty("message").GetString()!;
        var tag = json.TryGetProperty("smsSendOptions", out var options) && options.TryGetProperty("tag", out var t) ? t.GetString() : null;
        var results = new JsonArray();
        lock (_gate)
        {
            foreach (var recipient in json.GetProperty("smsRecipients").EnumerateArray())
            {
                var to = recipient.GetProperty("to").GetString()!;
                var id = recipient.GetProperty("repeatabilityRequestId").GetString() ?? "";
                var firstSent = recipient.GetProperty("repeatabilityFirstSent").GetString() ?? "";
                _smsAttempts.Add(new SmsAttempt(to, id, firstSent));
                if (!Guid.TryParseExact(id, "D", out _) || !DateTimeOffset.TryParseExact(firstSent, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    return new Answer(400, Error("InvalidRepeatabilityHeaders", "repeatabilityRequestId must be a GUID and repeatabilityFirstSent an RFC 1123 date"));
                }

                results.Add(Recipient(from, to, message, tag, id, firstSent));
            }
        }

        return new Answer(202, new JsonObject { ["value"] = results });
    }

    private JsonObject Recipient(string from, string to, string message, string? tag, string id, string firstSent)
    {
        if (ThrottledNumbers.Contains(to))
        {
            return Result(to, null, 429, false, "Too many messages to this recipient; try again later.", "accepted");
        }

        if (RejectedNumbers.Contains(to))
        {
            return Result(to, null, 400, false, "Invalid To phone number format.", "accepted");
        }

        if (_sms.TryGetValue(id, out var sent))
        {
            return sent.RepeatabilityFirstSent == firstSent
                ? Result(to, sent.MessageId, 202, true, null, "accepted")
                : Result(to, null, 400, false, "The repeatability pair does not match the first request.", "rejected");
        }

        var messageId = $"Outgoing_{++_messageSeq:D6}_noam";
        _sms[id] = new SmsSend(messageId, from, to, message, tag, id, firstSent);
        return Result(to, messageId, 202, true, null, "accepted");
    }

    private static JsonObject Result(string to, string? messageId, int status, bool successful, string? error, string repeatability) => new()
    {
        ["to"] = to,
        ["messageId"] = messageId,
        ["httpStatusCode"] = status,
        ["successful"] = successful,
        ["errorMessage"] = error,
        ["repeatabilityResult"] = repeatability,
    };
}
