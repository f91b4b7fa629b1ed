namespace GvcMatch.Web.Features.Ndas;

/// <summary>
/// What an NDA (and a protected document) is about: a buyer's requirement, an SME's IP listing, or a
/// conversation between organisations (its files; the NDA is between its parties, for its subject).
/// </summary>
public enum NdaSubject { Requirement, IpListing, Conversation }

/// <summary>Mutual: both sides disclose and both keep secret. One-way: the owner of the object discloses, the other side keeps secret.</summary>
public enum NdaKind { Mutual, OneWay }

/// <summary>
/// An owner's demand that the other side accept an NDA before protected material on the object opens:
/// which template, in which words (the variables), and for how long an acceptance holds.
/// </summary>
public sealed class NdaPolicy
{
    public int Id { get; set; }
    public NdaSubject Subject { get; set; }
    public int SubjectId { get; set; }
    public int OwnerOrganizationId { get; set; }

    /// <summary>"platform:mutual:en" for a platform template, "org:12" for one of the owner's own.</summary>
    public required string TemplateRef { get; set; }
    public int TermMonths { get; set; }
    public required string Purpose { get; set; }
    public required string GoverningLaw { get; set; }
    public required string Jurisdiction { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One accepted NDA: the exact text the recipient read (and its SHA-256), who accepted it, when and
/// from which address. The names are copied so the record stays true when an organisation renames
/// itself or leaves. It ends at <see cref="ExpiresAt"/> or when the owner ends it.
/// </summary>
public sealed class Nda
{
    public int Id { get; set; }
    public NdaSubject Subject { get; set; }
    public int SubjectId { get; set; }
    public required string SubjectTitle { get; set; }
    public int OwnerOrganizationId { get; set; }
    public required string OwnerOrganizationName { get; set; }
    public int RecipientOrganizationId { get; set; }
    public required string RecipientOrganizationName { get; set; }
    public required string AcceptedByUserId { get; set; }
    public required string AcceptedByName { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
    public required string AcceptedFromAddress { get; set; }
    public required string TemplateRef { get; set; }
    public required string TemplateVersion { get; set; }
    public NdaKind Kind { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }
    public required string TextSha256 { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsValidAt(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;
}

/// <summary>An organisation's own NDA text, with the same variables as the platform's. Never edited: a new text is a new template, so accepted NDAs keep pointing at the words they accepted.</summary>
public sealed class NdaTemplate
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Name { get; set; }
    public NdaKind Kind { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the text came from an uploaded PDF or DOCX: the original file, kept encrypted like a protected
    /// document so both parties can download it. <see cref="Text"/> (what was read from it) is what the
    /// other side reviews and what an NDA's hash covers.
    /// </summary>
    public string? SourceFileName { get; set; }
    public string? SourceContentType { get; set; }
    public string? SourceStorageKey { get; set; }
    public string? SourceProtectedKey { get; set; }
}
