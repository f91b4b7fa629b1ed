using GvcMatch.Matching.Certifications;

namespace GvcMatch.Matching.Tests.Certifications;

/// <summary>
/// Certification cases every stage must answer the same way (scorer, index tokens; the web tests
/// run them through Lucene, the Elasticsearch request and bid evaluation). All certificates are
/// valid on the test day, so the filter alone can decide.
/// </summary>
public static class CertificationCases
{
    public sealed record Case(string Name, Criterion Criterion, HeldCertificate[] Held, bool Met);

    private static Criterion C(string? standard = null, string? scope = null, AcceptedStandard[]? anyOf = null, EvidenceLevel? evidence = null) =>
        new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = standard, Scope = scope, AnyOf = anyOf, MinimumEvidence = evidence };

    private static HeldCertificate H(string standard, string? scope = null, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) =>
        new(standard, new DateOnly(2028, 1, 1)) { Scope = scope, Evidence = evidence };

    public static readonly IReadOnlyList<Case> All =
    [
        new("plain standard held", C("ISO 9001"), [H("ISO 9001")], true),
        new("plain standard missing", C("ISO 9001"), [H("ISO 14001")], false),
        new("version spelling in the criterion", C("ISO 9001:2015"), [H("ISO 9001")], true),
        new("nadcap ndt is not chemical processing", C("NADCAP", "chemical-processing"), [H("NADCAP", "non-destructive-testing")], false),
        new("nadcap chemical processing", C("NADCAP", "Chemical Processing"), [H("NADCAP", "chemical-processing")], true),
        new("nadcap without scope asked, any commodity", C("NADCAP"), [H("NADCAP", "heat-treating")], true),
        new("iso 14644 class 8 is not class 7", C("ISO 14644", "7"), [H("ISO 14644", "8")], false),
        new("iso 14644 class 7 meets class 7", C("ISO 14644", "class 7"), [H("ISO 14644", "7")], true),
        new("iso 14644 class 5 meets class 7", C("ISO 14644", "7"), [H("ISO 14644", "5")], true),
        new("ipc class 3 meets class 2", C("IPC-A-610", "2"), [H("IPC-A-610", "3")], true),
        new("ipc class 1 is not class 2", C("IPC-A-610", "2"), [H("IPC-A-610", "1")], false),
        new("or equivalent, the third one held", C(anyOf: [new("FSSC 22000"), new("BRCGS Food Safety"), new("IFS Food")]), [H("IFS Food")], true),
        new("or equivalent, none held", C(anyOf: [new("FSSC 22000"), new("BRCGS Food Safety")]), [H("ISO 22000")], false),
        new("or equivalent with scopes", C(anyOf: [new("FSC", "chain-of-custody"), new("PEFC", "chain-of-custody")]), [H("PEFC", "chain-of-custody")], true),
        new("fsc controlled wood is not chain of custody", C("FSC CoC"), [H("FSC", "controlled-wood")], false),
        new("evidence too weak", C("ISO 13485", evidence: EvidenceLevel.DocumentChecked), [H("ISO 13485")], false),
        new("evidence strong enough", C("ISO 13485", evidence: EvidenceLevel.DocumentChecked), [H("ISO 13485", evidence: EvidenceLevel.VerifiedByIssuer)], true),
        new("class and evidence together", C("ISO 14644", "7", evidence: EvidenceLevel.VerifiedByIntermediary), [H("ISO 14644", "6", EvidenceLevel.DocumentChecked), H("ISO 14644", "8", EvidenceLevel.VerifiedByIssuer)], false),
        new("unknown standard by exact name", C("Acme Supplier Excellence Award"), [H("Acme Supplier Excellence Award")], true),
        new("unknown standard, other name", C("Acme Supplier Excellence Award"), [H("Acme Excellence")], false),
    ];
}
