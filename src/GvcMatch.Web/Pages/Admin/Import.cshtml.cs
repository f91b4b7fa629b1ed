using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>Lets a platform admin upload seeds files and see what was loaded and what was rejected.</summary>
[RequestSizeLimit(ImportApi.MaxFiles * SeedImporter.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportApi.MaxFiles * SeedImporter.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(AppDbContext db, ImportAudit importer) : PageModel
{
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public ImportReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await IsAdminAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await User.GetActorAsync(db, ct) is not { IsPlatformAdmin: true } admin) return Forbid();
        if (Files.Count == 0)
        {
            Problem = "Choose one or more seeds files (.json) to upload.";
            return Page();
        }
        if (Files.Count > ImportApi.MaxFiles)
        {
            Problem = $"Upload at most {ImportApi.MaxFiles} files at a time.";
            return Page();
        }
        var files = new List<SeedFile>();
        foreach (var file in Files) files.Add(await ImportApi.ReadFormFileAsync(file, ct));
        Report = await importer.ImportAsync(files, ImportOrigin.Upload, admin.UserId, ct: ct);
        return Page();
    }

    private async Task<bool> IsAdminAsync(CancellationToken ct) =>
        await User.GetActorAsync(db, ct) is { IsPlatformAdmin: true };
}
