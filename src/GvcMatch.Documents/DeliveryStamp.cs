namespace GvcMatch.Documents;

/// <summary>What every delivered copy carries: who received it, when, and the delivery's fingerprint.</summary>
public sealed record DeliveryStamp(string Organization, string Person, DateTimeOffset DeliveredAt, DeliveryFingerprint Fingerprint)
{
    /// <summary>The line printed on each page or image, in the recipient's words (names in any script).</summary>
    public string Line => $"Confidential · {Organization} · {Person} · {DeliveredAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {Fingerprint}";
}

/// <summary>A file that cannot be stamped (not a PDF or image, encrypted, damaged); the message says which.</summary>
public sealed class DocumentRejectedException(string message, Exception? inner = null) : Exception(message, inner);
