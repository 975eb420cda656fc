/** Task executors and their slots: where subtasks are deployed. Private to the runtime bundle. */
package io.sluice.runtime.taskexecutor;
