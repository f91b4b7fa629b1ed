using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// Who may set which evidence level on an SME's certificate. The SME itself only self-declares
/// (it may attach its document, but cannot vouch for it); a verified intermediary of the SME's
/// country, the same people who verify the SME, may record that it checked the document or
/// verified the certificate; only a platform admin records a confirmation from the issuing body.
/// </summary>
public static class EvidenceRules
{
    /// <summary>The strongest level the actor may set on <paramref name="sme"/>'s certificates, or null when it may set none.</summary>
    public static EvidenceLevel? MaxFor(Actor actor, string? actorCountry, Organization sme)
    {
        if (actor.IsPlatformAdmin) return EvidenceLevel.VerifiedByIssuer;
        if (actor.IsMemberOf(sme.Id)) return EvidenceLevel.SelfDeclared;
        if (VerificationRules.CanDecide(actor, actorCountry, sme) is null) return EvidenceLevel.VerifiedByIntermediary;
        return null;
    }
}
