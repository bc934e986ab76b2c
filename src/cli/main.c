/* main.c — `precis` entry point: dispatch to a subcommand.
 *
 *   precis [options] [PATH...]      summarize (default)
 *   precis rouge ...                ROUGE-1.5.5 scoring
 *   precis extract ...              HTML main-text extraction
 *   precis sentences ...            sentence splitting, one per line
 *   precis explain ...              what was kept and left out, and why
 */
#include <string.h>

#include "cli.h"

int main(int argc, char **argv) {
  if (argc > 1) {
    const char *sub = argv[1];
    if (strcmp(sub, "rouge") == 0) return cmd_rouge(argc - 1, argv + 1);
    if (strcmp(sub, "report") == 0) return cmd_report(argc - 1, argv + 1);
    if (strcmp(sub, "explain") == 0) return cmd_explain(argc - 1, argv + 1);
    if (strcmp(sub, "extract") == 0) return cmd_extract(argc - 1, argv + 1);
    if (strcmp(sub, "sentences") == 0)
      return cmd_sentences(argc - 1, argv + 1);
    if (strcmp(sub, "summarize") == 0)
      return cmd_summarize(argc - 1, argv + 1);
  }
  return cmd_summarize(argc, argv);
}
