/* cli.h — subcommands of the `precis` program. Each takes the arguments
 * after its name (argv[0] is the subcommand name) and returns the process
 * exit status: 0 success, 1 runtime failure, 2 usage or input error. */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

int cmd_summarize(int argc, char **argv); /* src/cli/cmd_summarize.c */
int cmd_rouge(int argc, char **argv);     /* src/cli/cmd_rouge.c */
int cmd_extract(int argc, char **argv);   /* src/cli/cmd_extract.c */
int cmd_sentences(int argc, char **argv); /* src/cli/cmd_sentences.c */
int cmd_report(int argc, char **argv);    /* src/cli/cmd_report.c */
int cmd_explain(int argc, char **argv);   /* src/cli/cmd_explain.c */

#define EXIT_OK 0
#define EXIT_FAIL 1
#define EXIT_USAGE 2

#endif
