namespace Liaison.Core.Claims;

/// <summary>One entry of the vague-quantity table: a phrase in one language and the numbers it stands for.</summary>
/// <param name="Phrase">The phrase as written, e.g. <c>plusieurs</c>.</param>
/// <param name="Language">Its BCP 47 language: <c>en</c>, <c>fr</c> or <c>ar</c>.</param>
/// <param name="Range">The numbers it stands for.</param>
public sealed record VagueTerm(string Phrase, string Language, FigureRange Range);
