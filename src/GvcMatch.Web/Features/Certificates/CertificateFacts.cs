using GvcMatch.Matching;
using GvcMatch.Web.Features.Profiles;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>A stored certificate as the scorer and the explanations see it.</summary>
public static class CertificateFacts
{
    public static HeldCertificate Held(Certification c) =>
        new(c.Standard, c.ValidUntil, c.Verified) { Scope = c.Scope, ValidFrom = c.ValidFrom, Evidence = c.Evidence };
}
