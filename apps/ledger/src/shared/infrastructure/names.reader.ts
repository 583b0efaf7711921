import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { NameBook, nameBook } from '../name-book';

/** Department and grid names from the ledger's directory copies. */
@Injectable()
export class NamesReader {
  constructor(private readonly tx: TransactionContext) {}

  async load(): Promise<NameBook> {
    const m = this.tx.manager;
    const departments: { id: string; name: string }[] = await m.query(
      `SELECT id, name FROM ledger.departments`,
    );
    const grids: { id: string; name: string }[] = await m.query(`SELECT id, name FROM ledger.grids`);
    return nameBook(departments, grids);
  }
}
