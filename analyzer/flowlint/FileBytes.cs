using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace Kestra.FlowLint.Cli;

/// <summary>
/// Reads the files of a run into one buffer per thread. Their bytes are only decoded (the text is what a run
/// keeps), and a new array per file was fresh memory for the garbage collector to clear and the system to map,
/// then decoded while cold: reusing one warm buffer made a 200-flow run with one rule about 10% faster.
/// </summary>
internal static class FileBytes
{
    // A buffer this large is not kept between files: a huge flow must not pin its size for the rest of the run.
    private const int KeptBufferLimit = 1 << 20;

    [ThreadStatic] private static byte[]? t_buffer;

    /// <summary>
    /// The file's bytes, valid until this thread reads the next file. Throws what <see cref="File.ReadAllBytes"/>
    /// throws (IOException, UnauthorizedAccessException).
    /// </summary>
    public static ReadOnlySpan<byte> Read(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length;
        try { length = RandomAccess.GetLength(handle); }
        catch (NotSupportedException) { length = 0; } // a pipe (`flowlint check <(…)`): no length, no seeking
        // Pipes and files that report no length (/proc) are read to their end, as File.ReadAllBytes does.
        if (length == 0) return ReadToEnd(handle);
        if (length > Array.MaxLength) throw new IOException($"{path}: the file is too large to read");

        var buffer = t_buffer;
        if (buffer is null || buffer.Length < length)
        {
            buffer = new byte[Math.Max((int)length, 16 * 1024)];
            if (buffer.Length <= KeptBufferLimit) t_buffer = buffer;
        }
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
            if (n == 0) break; // the file shrank while being read: what is there is what is linted
            read += n;
        }
        return new ReadOnlySpan<byte>(buffer, 0, read);
    }

    private static byte[] ReadToEnd(SafeFileHandle handle)
    {
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
