// Fills the Teams manifest's placeholders and writes the app package zip. Run by scripts/package-teams.sh
// (`dotnet run scripts/package-teams.cs -- <sourceDir> <package> <botId> <domain>`), so packaging needs only
// the .NET SDK.
using System.IO.Compression;
using System.Text;
using System.Text.Json;

if (args.Length != 4)
{
    Console.Error.WriteLine("package-teams: expected <sourceDir> <package> <botId> <domain>.");
    return 2;
}

var (sourceDir, package, botId, domain) = (args[0], args[1], args[2], args[3]);
var text = File.ReadAllText(Path.Combine(sourceDir, "manifest.json"), Encoding.UTF8)
    .Replace("{{BOT_ID}}", botId, StringComparison.Ordinal)
    .Replace("{{BOT_DOMAIN}}", domain, StringComparison.Ordinal);
if (text.Contains("{{", StringComparison.Ordinal))
{
    Console.Error.WriteLine("package-teams: manifest.json still has a placeholder after filling in the bot id and domain.");
    return 2;
}

try
{
    using var _ = JsonDocument.Parse(text);
}
catch (JsonException error)
{
    Console.Error.WriteLine($"package-teams: manifest.json is not valid JSON after filling placeholders: {error.Message}");
    return 2;
}

// Write next to the target and rename, so a failed run never leaves half a package behind.
var temporary = package + ".tmp";
try
{
    using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Create))
    {
        var entry = archive.CreateEntry("manifest.json", CompressionLevel.Optimal);
        using (var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        archive.CreateEntryFromFile(Path.Combine(sourceDir, "color.png"), "color.png");
        archive.CreateEntryFromFile(Path.Combine(sourceDir, "outline.png"), "outline.png");
    }

    File.Move(temporary, package, overwrite: true);
}
finally
{
    File.Delete(temporary);
}

return 0;
