using GvcMatch.Web.Data;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account.DealRoom;

/// <summary>Traces a leaked copy to its delivery: type the fingerprint printed on it or upload the file. Owners see their own documents' deliveries, admins all.</summary>
public sealed class LookupModel(AppDbContext db, DeliveryService deliveries, ProtectedDocumentService documents) : PageModel
{
    public DeliveryDto? Found { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? fingerprint, IFormFile? file, CancellationToken ct)
    {
        byte[]? bytes = null;
        if (file is { Length: > 0 })
        {
            if (file.Length > documents.MaxBytes)
            {
                Errors = Refusal.Invalid("file", $"Files are at most {documents.MaxBytes / 1024} KB.").ForForm();
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var found = await deliveries.LookupAsync(await User.GetActorAsync(db, ct), fingerprint, bytes, ct);
        if (found.Refusal is { } refused)
        {
            Errors = refused.ForForm();
            Response.StatusCode = refused.Status;
            return Page();
        }
        Found = found.Value;
        return Page();
    }
}
