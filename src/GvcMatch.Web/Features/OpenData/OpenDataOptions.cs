using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.OpenData;

/// <summary>Settings under <c>OpenData</c>: how the OCDS publication names itself.</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>
    /// The OCID prefix the Open Contracting Partnership registers for a publisher: "ocds-" and six
    /// lower-case letters or digits. Every ocid is this prefix, a dash and the requirement's id.
    /// </summary>
    [Required, RegularExpression("^ocds-[a-z0-9]{6}$", ErrorMessage = "OpenData:OcidPrefix is 'ocds-' and six lower-case letters or digits, e.g. ocds-gvcm01.")]
    public string OcidPrefix { get; set; } = "ocds-gvcm01";

    /// <summary>The publisher named in every package.</summary>
    [Required, StringLength(200, MinimumLength = 1)]
    public string PublisherName { get; set; } = "GvcMatch";

    /// <summary>Releases (or records) per page of the paged endpoints.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;
}
