namespace GvcMatch.Matching.Certifications;

/// <summary>
/// How far a held certificate has been checked, weakest first: a criterion's minimum is met by
/// its level or any stronger one. Stored and sent by name.
/// </summary>
public enum EvidenceLevel
{
    /// <summary>The supplier says it holds the certificate; nobody has seen it.</summary>
    SelfDeclared,
    /// <summary>An intermediary or admin read the attached certificate document.</summary>
    DocumentChecked,
    /// <summary>A verified intermediary (agency, chamber, cluster) confirmed the certificate.</summary>
    VerifiedByIntermediary,
    /// <summary>A platform admin confirmed it with the issuing body (its register or a letter).</summary>
    VerifiedByIssuer,
}

public static class EvidenceLevels
{
    /// <summary>"document checked": the words explanations use.</summary>
    public static string Describe(EvidenceLevel level) => level switch
    {
        EvidenceLevel.SelfDeclared => Say.Text("self-declared"),
        EvidenceLevel.DocumentChecked => Say.Text("document checked"),
        EvidenceLevel.VerifiedByIntermediary => Say.Text("verified by an intermediary"),
        EvidenceLevel.VerifiedByIssuer => Say.Text("verified by the issuer"),
        _ => level.ToString(),
    };
}
