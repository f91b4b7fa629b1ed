using GvcMatch.Web.Features.Localization;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.SupportProgrammes;

/// <summary>A programme kind's name in the reader's language.</summary>
public static class ProgrammeWords
{
    public static string Kind(ProgrammeKind kind, IStringLocalizer<SharedResource> l) => l[kind switch
    {
        ProgrammeKind.Finance => "Finance",
        ProgrammeKind.Training => "Training",
        ProgrammeKind.CertificationSupport => "Certification support",
        ProgrammeKind.ExportPromotion => "Export promotion",
        ProgrammeKind.IpProtection => "IP protection",
        _ => "Trade fairs",
    }];
}
