using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Disclosures;

/// <summary>
/// Disclosure evidence (a carbon report, an audit letter, a CMRT as PDF), with the same name
/// cleaning, content checks and file types as certificate documents, in a folder of their own.
/// </summary>
public sealed class DisclosureDocumentStore(IOptions<DataFolderOptions> data, IHostEnvironment env) : AttachmentStore(data, env, "disclosure-documents");
