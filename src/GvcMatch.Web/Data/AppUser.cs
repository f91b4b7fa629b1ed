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
}
