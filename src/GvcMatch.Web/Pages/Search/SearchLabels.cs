namespace GvcMatch.Web.Pages.Search;

/// <summary>Readable names for the index's facet fields.</summary>
public static class SearchLabels
{
    public static string Field(string field) => field switch
    {
        "isic" => "Activity (ISIC)",
        "hs" => "Product (HS)",
        "sizeBand" => "Company size",
        "exportMarket" => "Exports to",
        "capacityRange" => "Monthly capacity",
        "capacityUnit" => "Capacity unit",
        "ipc" => "IPC class",
        "ipcSection" => "IPC section",
        "offerType" => "Offered as",
        "ipKind" => "Kind of IP",
        "legalStatus" => "Legal status",
        "organization" => "Organisation id",
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };
}
