using GvcMatch.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;

namespace GvcMatch.Web.Data;

public enum MemberRole { Owner, Member }

/// <summary>A person signed up to the marketplace; belongs to at most one organisation.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public MemberRole Role { get; set; }
    public bool IsPlatformAdmin { get; set; }

    /// <summary>The interface language the person chose (en, es, ja); null follows the browser.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(8)]
    public string? PreferredLanguage { get; set; }

    /// <summary>The IANA time zone dates are shown in (e.g. Europe/Madrid); null shows UTC.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string? PreferredTimeZone { get; set; }
}
