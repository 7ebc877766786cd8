import { registerEnumType } from 'type-graphql';

/** What a user can do to a document next; the API lists them per document (`availableActions`). */
export enum DocumentAction {
  EDIT = 'edit',
  DELETE = 'delete',
  SUBMIT = 'submit',
  APPROVE = 'approve',
  REJECT = 'reject',
  CONFIRM = 'confirm',
  POST = 'post',
  RECEIVE = 'receive',
  RECEIVE_TRANSFER = 'receiveTransfer',
  SHIP = 'ship',
  INVOICE = 'invoice',
  CANCEL = 'cancel',
  CLOSE = 'close',
}
registerEnumType(DocumentAction, {
  name: 'DocumentAction',
  description: 'An action the signed-in user may take on a document now (its state, their permissions and role).',
});
