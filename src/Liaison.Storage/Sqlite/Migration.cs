namespace Liaison.Storage.Sqlite;

/// <summary>One forward-only schema change. Applied migrations are frozen: never edit one, add the next.</summary>
/// <param name="Version">Strictly increasing from 1.</param>
/// <param name="Name">What it does, in a few words.</param>
/// <param name="Sql">The statements, run in one transaction.</param>
public sealed record Migration(int Version, string Name, string Sql);
