using System.Formats.Tar;

namespace Vigil.Scanning.Sources;

/// <summary>Tells a docker-save tarball from an OCI-archive by the members it has at its top.</summary>
public static class ArchiveLayout
{
    /// <summary>The source kind of the tarball at <paramref name="file"/>.</summary>
    /// <exception cref="ArgumentException">The file is not a tar with either layout.</exception>
    public static SourceKind Detect(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var reader = new TarReader(stream);
            var sawIndex = false;
            for (var i = 0; i < 10_000 && reader.GetNextEntry() is { } entry; i++)
            {
                var name = TreePaths.Normalize(entry.Name);
                if (name == "manifest.json")
                {
                    return SourceKind.DockerArchive;
                }

                sawIndex |= name is "oci-layout" or "index.json";
            }

            if (sawIndex)
            {
                return SourceKind.OciArchive;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException)
        {
            throw new ArgumentException($"{file}: not a tar archive ({e.Message})", e);
        }

        throw new ArgumentException($"{file}: a tar archive without manifest.json or index.json; use docker-archive: or oci-archive:");
    }
}
