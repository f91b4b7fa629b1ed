using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace GvcMatch.Search.Lucene.Approximate;

/// <summary>
/// The calls of USearch's C library this index needs. The package's own wrapper has no filtered
/// search, and a filter applied while the graph is walked is what lets a broad mandatory filter
/// use the graph at all (fetching k' results and dropping the rest would miss whenever a share
/// of the neighbours fails the filter). The native library ships in the same package.
/// </summary>
internal static unsafe class UsearchNative
{
    private const string Library = "libusearch_c";

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern nint usearch_init(ref IndexOptions options, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_free(nint index, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_reserve(IndexHandle index, nuint capacity, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_add(IndexHandle index, ulong key, sbyte* vector, ScalarKind kind, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern nuint usearch_size(IndexHandle index, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern nuint usearch_memory_usage(IndexHandle index, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_change_threads_search(IndexHandle index, nuint threads, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_change_expansion_search(IndexHandle index, nuint expansion, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi)]
    public static extern void usearch_save(IndexHandle index, [MarshalAs(UnmanagedType.LPStr)] string path, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi)]
    public static extern void usearch_load(IndexHandle index, [MarshalAs(UnmanagedType.LPStr)] string path, out nint error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern nuint usearch_filtered_search(
        IndexHandle index, sbyte* query, ScalarKind queryKind, nuint count,
        delegate* unmanaged[Cdecl]<ulong, nint, int> filter, nint filterState,
        ulong* keys, float* distances, out nint error);

    /// <summary>Throws when a call reported an error (USearch returns a static message: nothing to free).</summary>
    public static void Check(nint error, string call)
    {
        if (error != 0) throw new InvalidOperationException($"USearch {call} failed: {Marshal.PtrToStringAnsi(error)}");
    }
}

/// <summary>The native index, freed when the last user lets go (a search in flight holds it through the marshaller).</summary>
internal sealed class IndexHandle : SafeHandle
{
    public IndexHandle() : base(0, ownsHandle: true) { }

    public IndexHandle(nint handle) : base(0, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        UsearchNative.usearch_free(handle, out _);
        return true;
    }
}
