namespace GvcMatch.Web.Pages.Shared;

/// <summary>Enum names as words for people: "NonExclusiveLicence" reads "Non exclusive licence".</summary>
public static class Words
{
    public static string Of(Features.Organizations.OrganizationKind kind) => kind switch
    {
        Features.Organizations.OrganizationKind.Sme => "SME",
        Features.Organizations.OrganizationKind.Mne => "MNE",
        _ => "Intermediary",
    };

    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c)) sb.Append(' ').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
