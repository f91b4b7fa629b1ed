using System.ComponentModel.DataAnnotations;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// Certificate documents, with the same name cleaning and content checks as conversation
/// attachments and bid documents, in a folder of their own.
/// </summary>
public sealed class CertificateDocumentStore(IOptions<DataFolderOptions> data, IHostEnvironment env) : AttachmentStore(data, env, "certificate-documents")
{
    /// <summary>A certificate is a scan or a PDF: office and text files are refused.</summary>
    public static readonly IReadOnlyCollection<string> Extensions = [".pdf", ".png", ".jpg", ".jpeg"];
}

/// <summary>The "Certificates" section: document limit and the expiry notice schedule. Validated at start-up.</summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    /// <summary>Largest certificate document in bytes.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often the expiry notices are checked (they are due by the day, so hourly is plenty).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many days after a certificate lapsed its buyers may still be told (a lapse found later is old news).</summary>
    [Range(1, 365)]
    public int LapseNoticeDays { get; set; } = 30;
}
