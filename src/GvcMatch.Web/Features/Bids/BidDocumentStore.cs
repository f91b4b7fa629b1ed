using System.ComponentModel.DataAnnotations;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Bids;

/// <summary>
/// Bid documents, with the same type and content checks as conversation attachments, kept in a
/// folder of their own: they are sealed like the bid, and a separate folder keeps that obvious.
/// </summary>
public sealed class BidDocumentStore(IOptions<DataFolderOptions> data, IHostEnvironment env) : AttachmentStore(data, env, "bid-documents");

/// <summary>The "Bids" section: document limits. Validated at start-up.</summary>
public sealed class BidOptions
{
    public const string Section = "Bids";

    /// <summary>Largest document in bytes.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Documents one bid may carry.</summary>
    [Range(1, 100)]
    public int MaxDocuments { get; set; } = 10;
}
