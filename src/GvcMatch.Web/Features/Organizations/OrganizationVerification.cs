namespace GvcMatch.Web.Features.Organizations;

/// <summary>Granting or withdrawing the verified badge; shared by the API and the verification page.</summary>
public static class OrganizationVerification
{
    public static void Apply(Organization org, bool verified, string? by, string? note, DateTimeOffset now)
    {
        org.Verified = verified;
        org.VerifiedAt = verified ? now : null;
        org.VerifiedBy = by;
        org.VerificationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        org.UpdatedAt = now;
    }
}
