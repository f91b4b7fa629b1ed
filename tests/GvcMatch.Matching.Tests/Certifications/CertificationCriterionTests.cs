using GvcMatch.Matching.Certifications;

namespace GvcMatch.Matching.Tests.Certifications;

/// <summary>What a certification criterion means to the scorer: scopes, classes, equivalents, evidence and expiry.</summary>
public sealed class CertificationCriterionTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SupplierFacts Holding(params HeldCertificate[] certificates) =>
        new() { OrganizationId = 1, Name = "Supplier", Country = "DE", Certifications = certificates };

    private static CriterionScore Score(Criterion c, SupplierFacts s) =>
        Scorer.Score([c with { Kind = CriterionKind.CertificationHeld, Mandatory = true }], s, Today).Criteria[0];

    [Fact]
    public void NadcapForNonDestructiveTestingDoesNotMeetAChemicalProcessingCriterion()
    {
        var ndt = Holding(new HeldCertificate("NADCAP", new DateOnly(2027, 6, 30)) { Scope = "non-destructive-testing" });
        var line = Score(new Criterion { Standard = "NADCAP", Scope = "Chemical Processing" }, ndt);
        Assert.False(line.Met);
        Assert.Equal("holds NADCAP Non-Destructive Testing, not NADCAP Chemical Processing", line.Evidence);

        var cp = Holding(new HeldCertificate("NADCAP", new DateOnly(2027, 6, 30)) { Scope = "chemical-processing", Evidence = EvidenceLevel.VerifiedByIssuer });
        var met = Score(new Criterion { Standard = "NADCAP", Scope = "CP" }, cp);
        Assert.True(met.Met);
        Assert.Equal("holds NADCAP Chemical Processing (verified by the issuer, valid until 2027-06-30)", met.Evidence);
    }

    [Fact]
    public void AnIso14644Class8CleanroomDoesNotCountAsClass7ButClass5Does()
    {
        var criterion = new Criterion { Standard = "ISO 14644", Scope = "class 7" };
        var class8 = Score(criterion, Holding(new HeldCertificate("ISO 14644", new DateOnly(2027, 3, 1)) { Scope = "8" }));
        Assert.False(class8.Met);
        Assert.Equal("holds ISO 14644 class 8, not ISO 14644 class 7 or stricter", class8.Evidence);

        var class7 = Score(criterion, Holding(new HeldCertificate("ISO 14644", new DateOnly(2027, 3, 1)) { Scope = "7", Evidence = EvidenceLevel.DocumentChecked }));
        Assert.True(class7.Met);
        Assert.Equal("holds ISO 14644 class 7 (document checked, valid until 2027-03-01)", class7.Evidence);

        Assert.True(Score(criterion, Holding(new HeldCertificate("ISO 14644", null) { Scope = "5" })).Met);
        // A cleanroom certificate that names no class cannot show it meets one.
        Assert.False(Score(criterion, Holding(new HeldCertificate("ISO 14644", null))).Met);
    }

    [Fact]
    public void IpcClassesCountUpwards()
    {
        var criterion = new Criterion { Standard = "IPC-A-610", Scope = "2" };
        Assert.True(Score(criterion, Holding(new HeldCertificate("IPC-A-610", null) { Scope = "3" })).Met);
        Assert.False(Score(criterion, Holding(new HeldCertificate("IPC-A-610", null) { Scope = "1" })).Met);
    }

    [Fact]
    public void AnyAcceptedEquivalentMeetsTheCriterion()
    {
        var criterion = new Criterion
        {
            Kind = CriterionKind.CertificationHeld,
            AnyOf = [new("FSSC 22000"), new("BRCGS Food Safety"), new("IFS Food")],
        };
        Assert.Equal("Holds a valid FSSC 22000, BRCGS Food Safety or IFS Food certificate", criterion.Summary());
        var ifs = Score(criterion, Holding(new HeldCertificate("IFS Food", new DateOnly(2027, 1, 15))));
        Assert.True(ifs.Met);
        Assert.Equal("holds IFS Food (self-declared, valid until 2027-01-15)", ifs.Evidence);
        var none = Score(criterion, Holding(new HeldCertificate("ISO 9001", null)));
        Assert.False(none.Met);
        Assert.Equal("no FSSC 22000 or BRCGS Food Safety or IFS Food certificate", none.Evidence);
    }

    [Fact]
    public void TypedSpellingsInACriterionMeanTheCanonicalStandard()
    {
        Assert.True(Score(new Criterion { Standard = "ISO 9001:2015" }, Holding(new HeldCertificate("ISO 9001", null))).Met);
        Assert.True(Score(new Criterion { Standard = "FSC CoC" }, Holding(new HeldCertificate("FSC", null) { Scope = "chain-of-custody" })).Met);
        Assert.False(Score(new Criterion { Standard = "FSC CoC" }, Holding(new HeldCertificate("FSC", null) { Scope = "controlled-wood" })).Met);
    }

    [Fact]
    public void AStandardTheRegistryDoesNotKnowMatchesByItsExactName()
    {
        var criterion = new Criterion { Standard = "Acme Supplier Excellence Award" };
        Assert.True(Score(criterion, Holding(new HeldCertificate("acme supplier excellence award", null))).Met);
        Assert.False(Score(criterion, Holding(new HeldCertificate("Acme Supplier Award", null))).Met);
    }

    [Fact]
    public void AMinimumEvidenceLevelRefusesWeakerEvidenceAndSaysWhy()
    {
        var criterion = new Criterion { Kind = CriterionKind.CertificationHeld, Standard = "ISO 13485", MinimumEvidence = EvidenceLevel.DocumentChecked };
        Assert.Equal("Holds a valid ISO 13485 certificate (document checked or stronger)", criterion.Summary());
        var self = Score(criterion, Holding(new HeldCertificate("ISO 13485", new DateOnly(2027, 5, 1))));
        Assert.False(self.Met);
        Assert.Equal("holds ISO 13485 (self-declared, valid until 2027-05-01); document checked or stronger is required", self.Evidence);
        Assert.True(Score(criterion, Holding(new HeldCertificate("ISO 13485", new DateOnly(2027, 5, 1)) { Evidence = EvidenceLevel.VerifiedByIntermediary })).Met);
        // The old verified flag counts as verified by an intermediary.
        Assert.True(Score(criterion, Holding(new HeldCertificate("ISO 13485", new DateOnly(2027, 5, 1), Verified: true))).Met);
    }

    [Fact]
    public void ExpiredAndNotYetValidCertificatesAreNotHeld()
    {
        var criterion = new Criterion { Standard = "ISO 9001" };
        Assert.Equal("ISO 9001 expired on 2026-12-06", Score(criterion, Holding(new HeldCertificate("ISO 9001", new DateOnly(2026, 12, 6)))).Evidence);
        Assert.True(Score(criterion, Holding(new HeldCertificate("ISO 9001", Today))).Met);
        var early = Score(criterion, Holding(new HeldCertificate("ISO 9001", null) { ValidFrom = new DateOnly(2027, 1, 1) }));
        Assert.False(early.Met);
        Assert.Equal("ISO 9001 is valid only from 2027-01-01", early.Evidence);
    }
}
