using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>The checks a message passes before it is stored, the same for the hub and the API.</summary>
public static class MessageRules
{
    public static Errors Check(string? clientMessageId, string? body, bool bodyRequired)
    {
        var errors = new Errors();
        errors.Required("clientMessageId", clientMessageId, MessageLimits.ClientMessageId);
        if (bodyRequired) errors.Required("body", body, MessageLimits.Body);
        else errors.MaxLength("body", body, MessageLimits.Body);
        return errors;
    }

    public static void CheckSeq(Errors errors, string field, long? seq, long min)
    {
        if (seq is { } value && value < min) errors.Add(field, $"Must be {min} or more (got {value}).");
    }

    /// <summary>The first error as one line, for a hub error message.</summary>
    public static string FirstError(Errors errors)
    {
        var (field, messages) = errors.ToDictionary().First();
        return $"{field}: {messages[0]}";
    }
}
