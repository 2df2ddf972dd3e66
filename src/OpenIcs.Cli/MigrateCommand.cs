using System.CommandLine;
using OpenIcs.Storage;

namespace OpenIcs.Cli;

/// <summary><c>openics migrate</c>: brings the store's schema up to date (every command also does this when it opens the store).</summary>
public static class MigrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the store's schema, then list the migrations applied.");
        command.Options.Add(StoreOption.Option);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var location = StoreOption.Read(result);
            await using var database = Database.Connect(location);
            IReadOnlyList<string> applied;
            try
            {
                applied = await new Migrator(database).ApplyAsync(ct);
            }
            catch (System.Data.Common.DbException e)
            {
                throw new CliException($"cannot migrate the store {location}: {e.Message}", OpenIcsCli.Failed);
            }

            await output.WriteLineAsync(applied.Count == 0
                ? $"{location} is up to date."
                : $"{location}: applied {string.Join(", ", applied)}.");
            return OpenIcsCli.Ok;
        });
        return command;
    }
}
